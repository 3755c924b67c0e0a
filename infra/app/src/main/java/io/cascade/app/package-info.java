// SPDX-License-Identifier: Apache-2.0
/**
 * The Quarkus application: starts embedded services where no external one is configured, wires
 * the platform services for every role, and serves health ({@code /q/health}), Prometheus metrics
 * ({@code /q/metrics}), the REST API and the pages. The only module that knows CDI.
 */
package io.cascade.app;
