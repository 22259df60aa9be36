// Entry point of the map UI: styles (Leaflet's own included, bundled, never from a CDN), then the app.
import 'leaflet/dist/leaflet.css';
import './styles/base.css';
import './styles/login.css';
import './styles/map.css';
import './styles/workbench.css';
import './styles/inspector.css';
import './styles/dashboard.css';
import './styles/drawer.css';
import { api } from './api';
import { App } from './App';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
void new App(root, api).start();
