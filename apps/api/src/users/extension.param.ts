import { Param, ParseIntPipe } from '@nestjs/common';
import { validationProblem } from '../http/problem.js';

/** The `:extension` path segment as an integer, or a 400 naming it. */
export const ExtensionParam = () =>
  Param(
    'extension',
    new ParseIntPipe({
      exceptionFactory: () =>
        validationProblem([{ field: 'extension', rule: 'integer', message: 'the extension in the path must be an integer' }]),
    }),
  );
