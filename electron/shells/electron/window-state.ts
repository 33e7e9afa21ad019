// Remembers the window's size, position and maximized state between launches.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const stateSchema = z.object({
  x: z.number().optional(),
  y: z.number().optional(),
  width: z.number().min(600),
  height: z.number().min(400),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof stateSchema>;

export function loadWindowState(file: string): WindowState {
  try {
    if (existsSync(file)) return stateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    /* defaults */
  }
  return { width: 1360, height: 860, maximized: false };
}

export function saveWindowState(file: string, state: WindowState): void {
  writeFileSync(file, JSON.stringify(state));
}
