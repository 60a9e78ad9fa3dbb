// One piece of bench/html.mjs's work (see bench/html-pieces.mjs), in an isolate and a heap of its own
// (workerData: { piece, html }). Each message runs the piece once and answers with its milliseconds
// and the CPU milliseconds the process spent meanwhile (the other workers are idle then:
// bench/html.mjs runs one piece at a time).
import { parentPort, workerData } from 'node:worker_threads';
import { pieceRunner } from './html-pieces.mjs';

const run = pieceRunner(workerData.piece, workerData.html);
parentPort.on('message', async () => parentPort.postMessage(await run()));
parentPort.postMessage('ready');
