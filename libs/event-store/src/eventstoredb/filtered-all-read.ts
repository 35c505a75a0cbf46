import type { CallOptions, ClientReadableStream, Metadata } from '@grpc/grpc-js';
import {
  EVENT_TYPE,
  convertToCommandError,
  type EventStoreDBClient,
  type Filter,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import recordConversion from '@eventstore/db-client/dist/utils/convertGrpcEvent.js';
import cancellation from '@eventstore/db-client/dist/utils/isClientCancellationError.js';

type StreamsClient = InstanceType<typeof streamsGrpc.StreamsClient>;
type ReadResp = InstanceType<typeof streamsPb.ReadResp>;

/**
 * What client 6.2.1 keeps protected but a read of its own needs: a call on the client's channel,
 * with its connection name, credentials and reconnection handling. The client is pinned exactly,
 * so these members are the ones this file was written against.
 */
interface ClientCalls {
  GRPCStreamCreator(
    client: typeof streamsGrpc.StreamsClient,
    debugName: string,
    creator: (client: StreamsClient) => ClientReadableStream<ReadResp>,
  ): () => Promise<ClientReadableStream<ReadResp>>;
  callArguments(options: object, callOptions?: CallOptions): [Metadata, CallOptions];
}

export interface FilteredAllRead {
  readonly direction: 'forwards' | 'backwards';
  /** A commit position (forwards: from the event there on; backwards: from the one before it). */
  readonly from: number | 'start' | 'end';
  readonly maxCount: number;
  readonly filter: Filter;
}

/**
 * Reads $all with a server-side filter. The protocol has one (ReadReq.Options.filter, on reads as
 * on subscriptions: https://developers.eventstore.com/clients/grpc/subscriptions.html#server-side-filtering),
 * but client 6.2.1's readAll always sends `no_filter` (dist/streams/readAll.js), so this builds the
 * same request its subscribeToAll builds, with a count instead of a subscription, and reads it on
 * the client's channel. Leaving the loop cancels the call, so no call is left open.
 */
export async function* readAllFiltered(
  client: EventStoreDBClient,
  read: FilteredAllRead,
): AsyncGenerator<EsdbRecordedEvent, void, undefined> {
  const calls = client as unknown as ClientCalls;
  const request = new streamsPb.ReadReq().setOptions(readOptions(read));
  const open = calls.GRPCStreamCreator(streamsGrpc.StreamsClient, 'readAllFiltered', (grpc) =>
    grpc.read(request, ...calls.callArguments({}, { deadline: Infinity })),
  );
  const stream = await open();
  try {
    for await (const response of stream as AsyncIterable<ReadResp>) {
      const event = response.getEvent()?.getEvent();
      if (event !== undefined) yield recordConversion.convertGrpcRecord(event);
    }
  } catch (error) {
    if (!cancellation.isClientCancellationError(error)) throw convertToCommandError(error as Error);
  } finally {
    stream.cancel();
  }
}

function readOptions({ direction, from, maxCount, filter }: FilteredAllRead) {
  const { Options } = streamsPb.ReadReq;
  const all = new Options.AllOptions();
  if (from === 'start') all.setStart(new sharedPb.Empty());
  else if (from === 'end') all.setEnd(new sharedPb.Empty());
  else
    all.setPosition(new Options.Position().setCommitPosition(String(from)).setPreparePosition(String(from)));
  const expression = new Options.FilterOptions.Expression();
  if ('regex' in filter) expression.setRegex(filter.regex);
  else expression.setPrefixList(filter.prefixes);
  const filterOptions = new Options.FilterOptions()
    .setCount(new sharedPb.Empty())
    .setCheckpointintervalmultiplier(1);
  if (filter.filterOn === EVENT_TYPE) filterOptions.setEventType(expression);
  else filterOptions.setStreamIdentifier(expression);
  return new Options()
    .setAll(all)
    .setReadDirection(
      direction === 'forwards' ? Options.ReadDirection.FORWARDS : Options.ReadDirection.BACKWARDS,
    )
    .setResolveLinks(false)
    .setCount(String(maxCount))
    .setUuidOption(new Options.UUIDOption().setString(new sharedPb.Empty()))
    .setFilter(filterOptions);
}
