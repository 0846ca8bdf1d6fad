// Short confirmations and failures in the corner of the window.
import { notifications } from '@mantine/notifications';
import i18n from '../i18n';

export function notifySaved(message?: string): void {
  notifications.show({ color: 'teal', title: i18n.t('common:saved'), message: message ?? i18n.t('common:savedBody'), autoClose: 3000 });
}

export function notifyError(message: string): void {
  notifications.show({ color: 'red', title: i18n.t('common:errors.title'), message, autoClose: 8000 });
}
