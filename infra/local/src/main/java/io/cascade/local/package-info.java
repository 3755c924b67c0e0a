// SPDX-License-Identifier: Apache-2.0
/**
 * Real services embedded in process for the one-command local platform and for tests: a Kafka
 * broker in KRaft mode, S3Proxy on a file-system blob store, an Infinispan node clustering over
 * loopback TCP. (The Hadoop FileSystem API needs no server locally: the chunk store uses
 * {@code RawLocalFileSystem}; tests use MiniDFSCluster from the test-jar fixtures.)
 *
 * <p>Nothing here runs in production: there the configuration points at external services.
 */
package io.cascade.local;
