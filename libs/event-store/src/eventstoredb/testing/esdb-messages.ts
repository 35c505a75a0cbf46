/**
 * Protocol messages of the Streams service, to and from the log's terms, built with the message
 * classes the official client ships (`@eventstore/db-client/generated`), so the wire format is the
 * client's own. The classes are CommonJS without static exports: hence the default imports.
 */
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import statusPb from '@eventstore/db-client/generated/status_pb.js';
import codePb from '@eventstore/db-client/generated/code_pb.js';
import emptyPb from 'google-protobuf/google/protobuf/empty_pb.js';
import anyPb from 'google-protobuf/google/protobuf/any_pb.js';
import {
  EXPECTED_ANY,
  EXPECTED_NO_STREAM,
  EXPECTED_STREAM_EXISTS,
  type AppendOutcome,
  type LogEvent,
  type LogFilter,
  type ProposedEvent,
} from './esdb-log.js';

const { ReadResp, AppendResp, BatchAppendResp } = streamsPb;
type ReadResp = InstanceType<typeof ReadResp>;
type ReadOptions = InstanceType<typeof streamsPb.ReadReq.Options>;
type FilterOptions = InstanceType<typeof streamsPb.ReadReq.Options.FilterOptions>;
type Uuid = InstanceType<typeof sharedPb.UUID>;
type ProposedMessage = InstanceType<
  typeof streamsPb.AppendReq.ProposedMessage | typeof streamsPb.BatchAppendReq.ProposedMessage
>;
type StreamIdentifier = InstanceType<typeof sharedPb.StreamIdentifier>;

export const streamNameOf = (identifier: StreamIdentifier | undefined): string =>
  Buffer.from(identifier?.getStreamName_asU8() ?? []).toString('utf8');

/** Commit and prepare position at once: they are the same for every event here. */
const at = <T extends { setCommitPosition(value: string): T; setPreparePosition(value: string): T }>(
  message: T,
  position: number,
): T => message.setCommitPosition(String(position)).setPreparePosition(String(position));

const streamIdentifier = (streamId: string): StreamIdentifier =>
  new sharedPb.StreamIdentifier().setStreamName(Buffer.from(streamId, 'utf8'));

export type ReadRequest =
  | {
      readonly kind: 'stream';
      readonly streamId: string;
      readonly from: number | 'start' | 'end';
      readonly forwards: boolean;
      readonly count: number;
    }
  | {
      readonly kind: 'all';
      readonly from: number | 'start' | 'end';
      readonly forwards: boolean;
      readonly count: number;
      readonly filter?: LogFilter;
    }
  | {
      readonly kind: 'subscribe-all';
      readonly from: number | 'start' | 'end';
      readonly filter?: LogFilter;
      readonly checkpointInterval: number;
    }
  | { readonly kind: 'unsupported'; readonly what: string };

/**
 * Filtered $all subscriptions send a checkpoint every `multiplier` x 32 events
 * (https://developers.eventstore.com/clients/grpc/subscriptions.html#checkpointing: "The checkpoint
 * interval parameter configures the database to notify the client after n * 32 number of events").
 */
const CHECKPOINT_WINDOW = 32;

export function readRequestOf(options: ReadOptions): ReadRequest {
  const filter = options.hasFilter() ? filterOf(options.getFilter()!) : undefined;
  const forwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.FORWARDS;
  const count = Number(options.getCount());
  if (options.hasStream()) {
    if (options.hasSubscription()) return { kind: 'unsupported', what: 'subscriptions to one stream' };
    const stream = options.getStream()!;
    const streamId = streamNameOf(stream.getStreamIdentifier());
    const from = stream.hasStart() ? 'start' : stream.hasEnd() ? 'end' : Number(stream.getRevision());
    return { kind: 'stream', streamId, from, forwards, count };
  }
  const all = options.getAll()!;
  const from = all.hasStart()
    ? 'start'
    : all.hasEnd()
      ? 'end'
      : Number(all.getPosition()!.getCommitPosition());
  if (!options.hasSubscription()) return { kind: 'all', from, forwards, count, ...(filter && { filter }) };
  const multiplier = options.hasFilter() ? options.getFilter()!.getCheckpointintervalmultiplier() : 0;
  return {
    kind: 'subscribe-all',
    from,
    ...(filter && { filter }),
    checkpointInterval: multiplier * CHECKPOINT_WINDOW,
  };
}

/**
 * "You can filter by event type or stream name using a regular expression or a prefix"
 * (https://developers.eventstore.com/clients/grpc/subscriptions.html#server-side-filtering); the
 * same filter options serve reads of $all.
 */
function filterOf(options: FilterOptions): LogFilter {
  const on = options.hasEventType() ? 'event-type' : 'stream-name';
  const expression = options.hasEventType() ? options.getEventType()! : options.getStreamIdentifier()!;
  const regex = expression.getRegex();
  return regex === '' ? { on, prefixes: expression.getPrefixList() } : { on, regex: new RegExp(regex) };
}

export function uuidOf(uuid: Uuid | undefined): string {
  if (uuid === undefined) throw new Error('a message without its UUID');
  if (!uuid.hasStructured()) return uuid.getString().toLowerCase();
  const structured = uuid.getStructured()!;
  const hex = [structured.getMostSignificantBits(), structured.getLeastSignificantBits()]
    .map((bits) => BigInt.asUintN(64, BigInt(bits)).toString(16).padStart(16, '0'))
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function proposedEventOf(message: ProposedMessage): ProposedEvent {
  const metadata = message.getMetadataMap();
  return {
    id: uuidOf(message.getId()),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}

/** The expected version of an Append or BatchAppend, in the log's encoding. */
export function expectedVersionOf(
  options: {
    hasAny(): boolean;
    hasNoStream(): boolean;
    hasStreamExists(): boolean;
  },
  revision: () => string,
): number {
  if (options.hasAny()) return EXPECTED_ANY;
  if (options.hasNoStream()) return EXPECTED_NO_STREAM;
  if (options.hasStreamExists()) return EXPECTED_STREAM_EXISTS;
  return Number(revision());
}

const TICKS_PER_MILLISECOND = 10_000n;

function recordedEvent(event: LogEvent): InstanceType<typeof ReadResp.ReadEvent.RecordedEvent> {
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(new sharedPb.UUID().setString(event.id));
  recorded.setStreamIdentifier(streamIdentifier(event.streamId));
  recorded.setStreamRevision(String(event.revision));
  at(recorded, event.position);
  recorded.getMetadataMap().set('type', event.type);
  recorded.getMetadataMap().set('content-type', event.contentType);
  // .NET ticks (100 ns) since the Unix epoch, as the client's convertGrpcRecord reads them.
  recorded.getMetadataMap().set('created', String(BigInt(event.created.getTime()) * TICKS_PER_MILLISECOND));
  recorded.setData(event.data);
  recorded.setCustomMetadata(event.metadata);
  return recorded;
}

/**
 * An event of a read or subscription. Every event carries its own log position; the read event
 * carries the $all position as well when it was read from $all (a stream read has "no position").
 */
export function eventResponse(event: LogEvent, fromAll: boolean): ReadResp {
  const readEvent = new ReadResp.ReadEvent().setEvent(recordedEvent(event));
  if (fromAll) readEvent.setCommitPosition(String(event.position));
  else readEvent.setNoPosition(new sharedPb.Empty());
  return new ReadResp().setEvent(readEvent);
}

/**
 * A read of a stream that has no event answers StreamNotFound
 * (https://developers.eventstore.com/clients/grpc/reading-events.html#checking-if-the-stream-exists).
 */
export function streamNotFoundResponse(streamId: string): ReadResp {
  return new ReadResp().setStreamNotFound(
    new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamId)),
  );
}

export const confirmationResponse = (subscriptionId: string): ReadResp =>
  new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId));

export const checkpointResponse = (position: number): ReadResp =>
  new ReadResp().setCheckpoint(at(new ReadResp.Checkpoint(), position));

export const caughtUpResponse = (): ReadResp => new ReadResp().setCaughtUp(new ReadResp.CaughtUp());

/** The expected-version part of a WrongExpectedVersion, in the shape each message spells it. */
function expectedOf(expected: number) {
  return {
    any: expected === EXPECTED_ANY,
    noStream: expected === EXPECTED_NO_STREAM,
    streamExists: expected === EXPECTED_STREAM_EXISTS,
    revision: expected >= 0 ? String(expected) : undefined,
  };
}

export function appendResponse(
  outcome: AppendOutcome,
  expectedVersion: number,
): InstanceType<typeof AppendResp> {
  const response = new AppendResp();
  if (outcome.result !== 'wrong-expected-version') {
    const position = at(new AppendResp.Position(), outcome.position);
    return response.setSuccess(
      new AppendResp.Success().setCurrentRevision(String(outcome.lastRevision)).setPosition(position),
    );
  }
  // A 24.x server fills both the current fields and the ones 20.6.0 clients read.
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.currentRevision < 0)
    wrong.setCurrentNoStream(new sharedPb.Empty()).setNoStream2060(new sharedPb.Empty());
  else
    wrong.setCurrentRevision(String(outcome.currentRevision)).setCurrentRevision2060(outcome.currentRevision);
  const expected = expectedOf(expectedVersion);
  if (expected.any) wrong.setExpectedAny(new sharedPb.Empty()).setAny2060(new sharedPb.Empty());
  if (expected.noStream) wrong.setExpectedNoStream(new sharedPb.Empty());
  if (expected.streamExists)
    wrong.setExpectedStreamExists(new sharedPb.Empty()).setStreamExists2060(new sharedPb.Empty());
  if (expected.revision !== undefined)
    wrong.setExpectedRevision(expected.revision).setExpectedRevision2060(Number(expected.revision));
  return response.setWrongExpectedVersion(wrong);
}

/**
 * A batch append's answer: success with revision and position, or a google.rpc.Status whose
 * details pack the shared WrongExpectedVersion (the client unpacks it by its type name).
 */
export function batchAppendResponse(
  correlationId: Uuid,
  streamId: string,
  outcome: AppendOutcome,
  expectedVersion: number,
): InstanceType<typeof BatchAppendResp> {
  const response = new BatchAppendResp()
    .setCorrelationId(correlationId)
    .setStreamIdentifier(streamIdentifier(streamId));
  if (outcome.result !== 'wrong-expected-version') {
    const position = at(new sharedPb.AllStreamPosition(), outcome.position);
    return response.setSuccess(
      new BatchAppendResp.Success().setCurrentRevision(String(outcome.lastRevision)).setPosition(position),
    );
  }
  const wrong = new sharedPb.WrongExpectedVersion();
  if (outcome.currentRevision < 0) wrong.setCurrentNoStream(new emptyPb.Empty());
  else wrong.setCurrentStreamRevision(String(outcome.currentRevision));
  const expected = expectedOf(expectedVersion);
  if (expected.any) wrong.setExpectedAny(new emptyPb.Empty());
  if (expected.noStream) wrong.setExpectedNoStream(new emptyPb.Empty());
  if (expected.streamExists) wrong.setExpectedStreamExists(new emptyPb.Empty());
  if (expected.revision !== undefined) wrong.setExpectedStreamPosition(expected.revision);
  const details = new anyPb.Any();
  details.pack(wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  const status = new statusPb.Status()
    .setCode(codePb.Code.FAILED_PRECONDITION)
    .setMessage('WrongExpectedVersion')
    .setDetails(details);
  return response.setError(status);
}
