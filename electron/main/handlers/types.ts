/** The types of the main side's handlers, derived from the contract: one per channel, grouped as the contract groups them. */
import type { IpcChannel, IpcGroup, ParsedRequestOf, ResponseOf } from '../../../shared/ipc-contract';

/** What runs for one channel: the request as its schema parsed it, to the channel's response. */
export type Handler<C extends IpcChannel> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>;

/** Every channel's handler: what the dispatcher needs. */
export type Handlers = { [C in IpcChannel]: Handler<C> };

/** The handlers of one contract group: `HandlersOf<'keys'>` has every `keys:*` channel and nothing else. */
export type HandlersOf<G extends IpcGroup> = { [C in Extract<IpcChannel, `${G}:${string}`>]: Handler<C> };
