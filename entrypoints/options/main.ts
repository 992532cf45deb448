import { createApp } from 'vue';
import { followLook } from '@/utils/extension/look';
import App from './App.vue';
import '@/components/app.css';

// Mounted once the stored language and theme are applied, so the first paint is already right.
void followLook(document, 'options.title').then(() => createApp(App).mount('#app'));
