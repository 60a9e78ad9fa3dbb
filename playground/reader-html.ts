// The web-page front-end, bundled on its own and loaded only when a page is checked.
import * as html from '../src/document/html/index.js';
import { readers } from './lazy.js';

readers().html = html;
