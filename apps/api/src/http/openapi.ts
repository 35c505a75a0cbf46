import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  type OpenAPIObject,
  type OperationObject,
  type PathItemObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { problemResponses, tooManyRequests } from './api-problems.js';
import { responseComponents } from './api-responses.js';

/** The path the API serves its OpenAPI document at. */
export const OPENAPI_PATH = '/api/docs-json';

/** The committed copy of the document, apps/api/openapi.json (two levels above src/http and dist/http alike). */
export const OPENAPI_FILE = fileURLToPath(new URL('../../openapi.json', import.meta.url));

/** The document as the committed copy keeps it: Swagger's key order, two-space indents, a final newline. */
export const openApiText = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;

/**
 * Operations name their own `operationId` (the dashboard's typed client is generated from them);
 * one that does not is named after its method and controller: DemoTokensController.list is
 * listDemoTokens.
 */
const operationIdOf = (controller: string, method: string): string =>
  `${method}${controller.replace(/Controller$/, '')}`;

/** The OpenAPI document the API serves; apps/api/openapi.json is its committed copy (`npm run openapi`). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('iPECS Cloud license ledger')
    .setDescription(
      'Event-sourced ledger of iPECS Cloud user licenses: change orders (Temporary -> Submitted -> Approved -> Final Confirmed), ' +
        'package changes and returns. Errors are RFC 9457 problem documents whose `type` ends in the broken rule.',
    )
    .setVersion('1')
    // Relative: the document describes whichever host serves it.
    .addServer('/')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addGlobalResponse(tooManyRequests())
    .build();
  // A private product: no license grants its use. The url says what the name means (npm's term).
  config.info.license = {
    name: 'UNLICENSED',
    url: 'https://docs.npmjs.com/cli/configuring-npm/package-json#license',
  };
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: operationIdOf });
  return {
    ...document,
    paths: Object.fromEntries(
      Object.entries(document.paths).map(([path, item]) => [path, withBareRefs(item)]),
    ),
    components: {
      ...document.components,
      schemas: { ...document.components?.schemas, ...responseComponents() },
      responses: problemResponses(),
    },
  };
}

/** Swagger writes a `description` beside each response `$ref`, where OpenAPI 3.0 ignores it: it goes. */
const withBareRefs = (item: PathItemObject): PathItemObject =>
  Object.fromEntries(
    Object.entries(item).map(([key, value]: [string, OperationObject | undefined]) => [
      key,
      value?.responses ? { ...value, responses: bareRefs(value.responses) } : value,
    ]),
  );

const bareRefs = (responses: OperationObject['responses']): OperationObject['responses'] =>
  Object.fromEntries(
    Object.entries(responses).map(([status, response]) => [
      status,
      response && '$ref' in response ? { $ref: response.$ref } : response,
    ]),
  );

/** The OpenAPI document at /api/docs-json and its UI at /api/docs. */
export function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: OPENAPI_PATH.slice(1) });
}
