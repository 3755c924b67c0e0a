// SPDX-License-Identifier: Apache-2.0
/** The object store: finished artifacts in an S3 bucket (AWS SDK v2): put, get, multipart, presigned GET. */
package io.cascade.platform.objectstore;
