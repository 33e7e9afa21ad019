// The contract between the processes, derived from the operation registry: each channel's
// input and output schemas (main parses every input before any work and every output once,
// before it leaves; the renderer reuses the schemas for its forms) and the role it needs.
import type { z } from 'zod';
import { operations, type Operations } from '../operations/registry';
import type { Channel } from './channels';

export const contract: Operations = operations;
export type Contract = Operations;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

/** The typed client both shells give the renderer: one function per channel. */
export type ConsoleApi = { [C in Channel]: (input: Input<C>) => Promise<Output<C>> };
