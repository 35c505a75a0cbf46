import { randomUUID } from 'node:crypto';
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import type { IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb.js';
import type streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import { matches, type EsdbLog, type LogEvent, type ProposedEvent } from './esdb-log.js';
import {
  appendResponse,
  batchAppendResponse,
  caughtUpResponse,
  checkpointResponse,
  confirmationResponse,
  eventResponse,
  expectedVersionOf,
  proposedEventOf,
  readRequestOf,
  streamNameOf,
  streamNotFoundResponse,
  uuidOf,
  type ReadRequest,
} from './esdb-messages.js';

type ReadCall = ServerWritableStream<
  InstanceType<typeof streamsPb.ReadReq>,
  InstanceType<typeof streamsPb.ReadResp>
>;
type Subscription = Extract<ReadRequest, { kind: 'subscribe-all' }>;

/** What the service has sent, for tests that check what crosses the wire. */
export interface StreamsTraffic {
  eventsSent: number;
}

/** The Streams service's calls the adapter makes, on `log`. Delete and Tombstone answer UNIMPLEMENTED. */
export function streamsService(
  log: EsdbLog,
  traffic: StreamsTraffic,
): Pick<IStreamsServer, 'read' | 'append' | 'batchAppend'> {
  const send = (call: ReadCall, event: LogEvent, fromAll: boolean) => {
    traffic.eventsSent += 1;
    call.write(eventResponse(event, fromAll));
  };
  return {
    read(call) {
      const request = readRequestOf(call.request.getOptions()!);
      switch (request.kind) {
        case 'stream': {
          const direction = request.forwards ? 'forwards' : 'backwards';
          const events = log.readStream(request.streamId, request.from, direction, request.count);
          if (events === undefined) call.write(streamNotFoundResponse(request.streamId));
          for (const event of events ?? []) send(call, event, false);
          return call.end();
        }
        case 'all': {
          const direction = request.forwards ? 'forwards' : 'backwards';
          for (const event of log.readAll(request.from, direction, request.count, request.filter))
            send(call, event, true);
          return call.end();
        }
        case 'subscribe-all':
          return subscribeToAll(log, call, request, (event) => send(call, event, true));
        case 'unsupported':
          return call.destroy(
            Object.assign(new Error(`the test server does not serve ${request.what}`), {
              code: status.UNIMPLEMENTED,
            }),
          );
      }
    },

    // Client streaming: the options first, then one proposed message per event.
    append(call, callback) {
      let options: InstanceType<typeof streamsPb.AppendReq.Options> | undefined;
      const events: ProposedEvent[] = [];
      call.on('data', (request: InstanceType<typeof streamsPb.AppendReq>) => {
        if (request.hasOptions()) options = request.getOptions();
        else events.push(proposedEventOf(request.getProposedMessage()!));
      });
      call.on('end', () => {
        if (options === undefined)
          return callback({ code: status.INVALID_ARGUMENT, details: 'no append options' });
        const streamId = streamNameOf(options.getStreamIdentifier());
        const expected = expectedVersionOf(options, () => options!.getRevision());
        callback(null, appendResponse(log.append(streamId, expected, events), expected));
      });
    },

    // Bidirectional: requests carry a correlation id, the first one the options, the last is_final;
    // the answer to each append comes back on the same call with its correlation id.
    batchAppend(call) {
      const pending = new Map<string, { streamId: string; expected: number; events: ProposedEvent[] }>();
      call.on('data', (request: InstanceType<typeof streamsPb.BatchAppendReq>) => {
        const correlationId = request.getCorrelationId()!;
        const key = uuidOf(correlationId);
        const options = request.getOptions();
        if (options !== undefined) {
          const streamId = streamNameOf(options.getStreamIdentifier());
          pending.set(key, {
            streamId,
            expected: expectedVersionOf(options, () => options.getStreamPosition()),
            events: [],
          });
        }
        const write = pending.get(key);
        if (write === undefined) return;
        write.events.push(...request.getProposedMessagesList().map(proposedEventOf));
        if (!request.getIsFinal()) return;
        pending.delete(key);
        const outcome = log.append(write.streamId, write.expected, write.events);
        call.write(batchAppendResponse(correlationId, write.streamId, outcome, write.expected));
      });
      call.on('end', () => call.end());
    },
  };
}

/**
 * A catch-up subscription to $all, as https://developers.eventstore.com/clients/grpc/subscriptions.html
 * describes it: confirmed first; "The positions provided to the subscriptions are exclusive"; the
 * events after the position are read on the server side, then "the server will push any new events";
 * a filtered one sends checkpoints (see CHECKPOINT_WINDOW). Between catching up and going live a
 * 24.x server sends CaughtUp (client 6.1.0 added it: "Add support for caught up and fell behind
 * subscription message"); it sends no FellBehind, as this subscription never falls behind.
 */
function subscribeToAll(
  log: EsdbLog,
  call: ReadCall,
  request: Subscription,
  send: (event: LogEvent) => void,
): void {
  call.write(confirmationResponse(randomUUID()));
  let examined = 0;
  const examine = (event: LogEvent) => {
    if (matches(request.filter, event)) send(event);
    examined += 1;
    if (request.checkpointInterval > 0 && examined % request.checkpointInterval === 0)
      call.write(checkpointResponse(event.position));
  };
  const from = request.from === 'start' ? 0 : request.from === 'end' ? log.head : request.from;
  for (const event of log.after(from)) examine(event);
  call.write(caughtUpResponse());
  const stop = log.onAppend((written) => written.forEach(examine));
  call.on('cancelled', stop);
  call.on('close', stop);
}
