import { createApp } from 'vue';
import App from './App.vue';
import '@/components/app.css';

createApp(App).mount('#app');
