// SPDX-License-Identifier: Apache-2.0
/**
 * Platform services every role stands on: typed configuration ({@code config}), ids ({@code id}),
 * the event model and its Kafka publisher/consumer ({@code event}), the directory on Infinispan
 * ({@code directory}), the object store on the S3 API ({@code objectstore}), the chunk store on
 * the Hadoop FileSystem API ({@code chunkstore}) and injectable time ({@code time}).
 *
 * <p>Plain Java: no CDI here. The Quarkus application ({@code infra/app}) wires these together.
 */
package io.cascade.platform;
