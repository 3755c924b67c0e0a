// SPDX-License-Identifier: Apache-2.0
/**
 * JUnit 5 fixtures that start real services for tests in any module (published as this module's
 * test-jar): {@link io.cascade.local.junit.KafkaFixture}, {@link io.cascade.local.junit.S3Fixture},
 * {@link io.cascade.local.junit.InfinispanFixture}, {@link io.cascade.local.junit.MiniDfsFixture}.
 * Register them as {@code @RegisterExtension static} fields; each uses free loopback ports and a
 * temporary directory, and stops after the test class.
 */
package io.cascade.local.junit;
