// The renderer's client of the contract: IPC through the preload's object when running in
// Electron, HTTP to the browser shell otherwise. Same calls, same error shape.
import type { AppError } from '@contract/app-error';
import { CHANNELS, EVENT_CHANNEL, type Channel } from '@contract/channels';
import type { ConsoleApi, Input, Output } from '@contract/contract';
import type { JobEvent } from '@contract/jobs';

type Result = { ok: true; data: unknown } | { ok: false; error: AppError };

type PreloadApi = Record<Channel, (input: unknown) => Promise<Result>> & { onJobEvent: (l: (e: JobEvent) => void) => () => void };

declare global {
  interface Window {
    magna?: PreloadApi;
  }
}

/** A failed call, in the one error shape (api/error-reactions.ts decides what to do with it). */
class ApiError extends Error {
  readonly code: string;
  readonly details: string | null;
  readonly hint: string | null;
  readonly fields: Record<string, string> | undefined;
  constructor(e: AppError) {
    super(e.message);
    this.name = 'ApiError';
    this.code = e.code;
    this.details = e.details;
    this.hint = e.hint;
    this.fields = e.fields;
  }
}

async function viaHttp(channel: Channel, input: unknown, signal?: AbortSignal): Promise<Result> {
  let response: Response;
  try {
    response = await fetch(`/api/rpc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
      ...(signal ? { signal } : {}),
    });
  } catch (e) {
    // A read nobody waits for any more (react-query cancelled it): not an outage.
    if (signal?.aborted) throw e;
    return {
      ok: false,
      error: {
        code: 'shell_unreachable',
        message: 'The console process is not answering.',
        details: null,
        hint: 'Is the browser shell still running? Restart it and open the new URL.',
      },
    };
  }
  if (response.status === 401) {
    return {
      ok: false,
      error: {
        code: 'unauthorized',
        message: 'This page is no longer authorized.',
        details: null,
        hint: 'Open the URL (with its token) printed by the console when it started.',
      },
    };
  }
  return (await response.json()) as Result;
}

/**
 * One call of the contract. `signal` cancels a read nobody waits for any more (react-query's, as
 * when skimming the queue): over HTTP the request is aborted; over IPC it is left to finish.
 */
export async function callChannel<C extends Channel>(channel: C, input: Input<C>, signal?: AbortSignal): Promise<Output<C>> {
  const result = window.magna ? await window.magna[channel](input) : await viaHttp(channel, input, signal);
  if (!result.ok) throw new ApiError(result.error);
  return result.data as Output<C>;
}

export const api = Object.fromEntries(CHANNELS.map((c) => [c, (input: unknown) => callChannel(c, input as never)])) as ConsoleApi;

/** Subscribes to job progress events from the main process. */
export function onJobEvent(listener: (e: JobEvent) => void): () => void {
  if (window.magna) return window.magna.onJobEvent(listener);
  const source = new EventSource('/api/events');
  const handler = (e: MessageEvent<string>) => listener(JSON.parse(e.data) as JobEvent);
  source.addEventListener(EVENT_CHANNEL, handler);
  return () => source.close();
}
