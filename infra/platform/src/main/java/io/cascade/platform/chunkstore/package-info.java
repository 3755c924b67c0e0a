// SPDX-License-Identifier: Apache-2.0
/** The chunk store: media chunks by group on the Hadoop FileSystem API (HDFS, or local disk). */
package io.cascade.platform.chunkstore;
