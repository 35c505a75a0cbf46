import { Server, ServerCredentials, type UntypedServiceImplementation } from '@grpc/grpc-js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import featuresGrpc, {
  type IServerFeaturesServer,
} from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import featuresPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import { randomUUID } from 'node:crypto';
import { EXPECTED_ANY, EsdbLog, type ProposedEvent } from './esdb-log.js';
import { streamsService } from './esdb-streams-service.js';

export interface EsdbTestServer {
  /** Connection string for the official client: insecure, single node. */
  readonly url: string;
  /** The server's log, for tests that write what only the server writes (system events). */
  readonly log: EsdbLog;
  /** How many events the server has sent in answer to reads and subscriptions. */
  readonly eventsSent: number;
  close(): Promise<void>;
}

export interface EsdbTestServerOptions {
  /**
   * Whether the server lists Streams.BatchAppend among its features, as 21.10 and later do; the
   * client appends through it then, and through the streaming Append otherwise (20.x servers).
   */
  readonly batchAppend?: boolean;
}

/**
 * A gRPC server that speaks EventStoreDB 24.x's Streams protocol over an in-memory log, so the
 * adapter runs through the official client in every test run; no EventStoreDB server can run here.
 * It serves ServerFeatures.GetSupportedMethods (the client asks it first, to pick its code paths)
 * and the Streams calls the adapter makes (see esdb-streams-service.ts); any other call answers
 * UNIMPLEMENTED. It does not imitate authentication, TLS, clustering, deletes, stream metadata,
 * link events or the maximum append size.
 */
export async function startEsdbTestServer(options: EsdbTestServerOptions = {}): Promise<EsdbTestServer> {
  const log = new EsdbLog();
  writeSystemEvents(log);
  const server = new Server();
  const traffic = { eventsSent: 0 };
  server.addService(streamsGrpc.StreamsService, streamsService(log, traffic) as UntypedServiceImplementation);
  const features: IServerFeaturesServer = {
    getSupportedMethods: (_call, callback) => callback(null, supportedMethods(options.batchAppend ?? true)),
  };
  server.addService(featuresGrpc.ServerFeaturesService, features);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    url: `esdb://127.0.0.1:${port}?tls=false`,
    log,
    get eventsSent() {
      return traffic.eventsSent;
    },
    async close() {
      // Subscriptions never end on their own: end every call rather than wait for them.
      server.forceShutdown();
    },
  };
}

/**
 * What a 24.x node answers (its ServerFeatures lists every gRPC method it maps, in lower case, with
 * the features of the Streams reads and of BatchAppend), narrowed to the methods served here.
 */
function supportedMethods(batchAppend: boolean) {
  const method = (name: string, ...features: string[]) =>
    new featuresPb.SupportedMethod()
      .setServiceName('event_store.client.streams.streams')
      .setMethodName(name)
      .setFeaturesList(features);
  const methods = [method('read', 'position', 'events'), method('append')];
  if (batchAppend) methods.push(method('batchappend', 'deadline_duration'));
  return new featuresPb.SupportedMethods().setEventStoreServerVersion('24.10.0').setMethodsList(methods);
}

/**
 * "When reading from the all stream EventStoreDB will also return system events ... All system
 * events begin with `$` or `$$`" (https://developers.eventstore.com/clients/grpc/reading-events.html#handling-system-events):
 * a fresh node has written some of its own before any client writes (here, its settings and users).
 */
function writeSystemEvents(log: EsdbLog): void {
  for (const [streamId, type] of [
    ['$settings', '$settings'],
    ['$user-admin', '$user'],
    ['$users', '$UserCreated'],
  ] as const) {
    log.append(streamId, EXPECTED_ANY, [systemEvent(type)]);
  }
}

/** An event of the server's own (a `$` type), to write with `log.append`. */
export function systemEvent(type: string): ProposedEvent {
  return {
    id: randomUUID(),
    type,
    contentType: 'application/json',
    data: Buffer.from('{}'),
    metadata: new Uint8Array(),
  };
}
