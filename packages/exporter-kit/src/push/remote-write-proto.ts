import type { Type } from 'protobufjs';
import { protobufLib, snappyLib } from '../lazy-deps.js';

/** A remote_write series: labels sorted by name, `__name__` first among them by byte order. */
export interface WriteLabel {
  readonly name: string;
  readonly value: string;
}

export interface WriteSample {
  readonly value: number;
  /** Milliseconds since the Unix epoch. */
  readonly timestamp: number;
}

export interface WriteSeries {
  readonly labels: readonly WriteLabel[];
  readonly samples: readonly WriteSample[];
}

/**
 * The remote_write 1.0 messages (prometheus/prompb's WriteRequest, TimeSeries, Label, Sample),
 * declared here as protobufjs reflection so no .proto file or code generator is needed. Field
 * numbers are the wire contract; the package name is ours and never reaches the wire.
 */
const SCHEMA = {
  nested: {
    scrapekit_remote_write: {
      nested: {
        WriteRequest: { fields: { timeseries: { rule: 'repeated', type: 'TimeSeries', id: 1 } } },
        TimeSeries: {
          fields: {
            labels: { rule: 'repeated', type: 'Label', id: 1 },
            samples: { rule: 'repeated', type: 'Sample', id: 2 },
          },
        },
        Label: { fields: { name: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
        Sample: { fields: { value: { type: 'double', id: 1 }, timestamp: { type: 'int64', id: 2 } } },
      },
    },
  },
};

let writeRequestType: Type | undefined;

function writeRequest(): Type {
  return (writeRequestType ??= protobufLib().Root.fromJSON(SCHEMA).lookupType('scrapekit_remote_write.WriteRequest'));
}

/** A WriteRequest as the spec sends it: protobuf, then snappy block format (not the framed one). */
export function encodeWriteRequest(series: readonly WriteSeries[]): Buffer {
  const type = writeRequest();
  const proto = type.encode(type.fromObject({ timeseries: series })).finish();
  return snappyLib().compress(Buffer.from(proto.buffer, proto.byteOffset, proto.byteLength));
}

/** The inverse, for tests and for receivers built on the kit. */
export function decodeWriteRequest(body: Buffer): WriteSeries[] {
  const type = writeRequest();
  const message = type.decode(snappyLib().uncompress(body));
  const plain = type.toObject(message, { longs: Number, defaults: true, arrays: true }) as { timeseries: WriteSeries[] };
  return plain.timeseries;
}
