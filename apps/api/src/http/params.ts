import { Param, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { z } from 'zod';
import { jsonSchemaOf } from './api-zod-body.js';
import { customerId, extension, orderNo, resellerId } from './fields.js';
import { parseOrThrow } from './zod-body.pipe.js';

/** Path segments are text: an extension there is the digits of an integer in the extension field's range. */
const extensionSegment = z
  .string()
  .refine((value) => /^-?\d+$/.test(value), { message: 'must be an integer', params: { rule: 'integer' } })
  .transform(Number)
  .pipe(extension);

/** A global position of the event store: positive, and within the integers a JSON number holds exactly. */
const positionSegment = z
  .string()
  .regex(/^\d{1,15}$/, 'must be a positive integer')
  .transform(Number)
  .pipe(z.number().int().min(1));

const projectionName = z
  .string()
  .max(60)
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be a read model name in kebab-case');

/** Validates one path parameter; a 400 names it. */
class PathParamPipe<S extends z.ZodType> implements PipeTransform<string, z.output<S>> {
  constructor(
    private readonly name: string,
    private readonly schema: S,
  ) {}

  transform(value: string): z.output<S> {
    return parseOrThrow(this.schema, value, this.name);
  }
}

/** `@Param(name)` validated by `schema`, and documented with it in the OpenAPI document. */
const pathParam =
  (name: string, schema: z.ZodType, description: string): ParameterDecorator =>
  (target, method, index) => {
    Param(name, new PathParamPipe(name, schema))(target, method, index);
    const descriptor = method === undefined ? undefined : Object.getOwnPropertyDescriptor(target, method);
    if (method !== undefined && descriptor)
      ApiParam({ name, description, schema: jsonSchemaOf(schema) as object })(target, method, descriptor);
  };

export const CustomerIdParam = () => pathParam('customerId', customerId, 'The customer id');
export const ResellerIdParam = () => pathParam('resellerId', resellerId, 'The reseller id');
export const OrderNoParam = () => pathParam('orderNo', orderNo, 'The order number, a string of digits');
export const ExtensionParam = () => pathParam('extension', extensionSegment, "The user's extension");
export const ProjectionNameParam = () =>
  pathParam('name', projectionName, 'The read model, as GET /api/projections names it');
export const PositionParam = () => pathParam('position', positionSegment, "The event's global position");
