import { serveBrowserShell } from './serve';

void serveBrowserShell();
