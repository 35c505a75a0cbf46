import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document at /api/docs-json and its UI at /api/docs. */
export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('iPECS Cloud license ledger')
    .setDescription(
      'Event-sourced ledger of iPECS Cloud user licenses: change orders (Temporary -> Submitted -> Approved -> Final Confirmed), ' +
        'package changes and returns. Errors are RFC 9457 problem documents whose `type` ends in the broken rule.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
