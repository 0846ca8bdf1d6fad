// Renderer entry: styles, the Dutch date locale, i18n, and the app (AG Grid loads with the first
// page that has a grid: components/grid/InfiniteGrid.tsx).
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import 'dayjs/locale/nl';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
