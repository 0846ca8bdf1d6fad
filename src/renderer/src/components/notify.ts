// Short confirmations and failures in the corner of the window.
import { notifications } from '@mantine/notifications';
import i18n from '../i18n';
import { keepNumbers } from './incidentNumber';

const closeButtonProps = () => ({ 'aria-label': i18n.t('common:actions.closeMessage') });

export function notifySaved(message?: string): void {
  notifications.show({
    color: 'teal',
    title: i18n.t('common:saved'),
    message: keepNumbers(message ?? i18n.t('common:savedBody')),
    autoClose: 3000,
    closeButtonProps: closeButtonProps(),
  });
}

export function notifyError(message: string, title?: string): void {
  notifications.show({
    color: 'red',
    title: title ?? i18n.t('common:errors.title'),
    message: keepNumbers(message),
    autoClose: 8000,
    closeButtonProps: closeButtonProps(),
  });
}

export function notifyDone(message: string): void {
  notifications.show({ color: 'teal', title: i18n.t('common:done'), message: keepNumbers(message), autoClose: 3000, closeButtonProps: closeButtonProps() });
}
