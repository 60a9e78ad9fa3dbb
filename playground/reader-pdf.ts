// The PDF front-end (pdf.js), bundled on its own and loaded only when a PDF is checked.
import * as pdf from '../src/document/pdf/index.js';
import { readers } from './lazy.js';

readers().pdf = pdf;
