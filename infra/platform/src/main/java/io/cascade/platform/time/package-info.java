// SPDX-License-Identifier: Apache-2.0
/** Injectable time: production uses {@link java.time.InstantSource#system()}, tests a {@link io.cascade.platform.time.ManualClock}. */
package io.cascade.platform.time;
