// The Word front-end, bundled on its own and loaded only when a .docx is checked.
import * as docx from '../src/document/docx/index.js';
import { readers } from './lazy.js';

readers().docx = docx;
