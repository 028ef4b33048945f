// MAIN world, document_start, every frame: runs before any page script.
import { startRecorder } from '../src/page/start-recorder';

// eslint-disable-next-line page-world/no-unsafe-builtins -- document_start: no page script ran yet
startRecorder(window);
