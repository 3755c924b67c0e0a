// SPDX-License-Identifier: Apache-2.0
/** Identifiers shared across services. */
package io.cascade.platform.id;
