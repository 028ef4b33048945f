// MAIN world, document_start, every frame: runs before any page script.
import { startRecorder } from '../src/page/start-recorder';

startRecorder(window);
