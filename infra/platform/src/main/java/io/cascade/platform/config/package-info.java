// SPDX-License-Identifier: Apache-2.0
/** Typed configuration ({@code cascade.*}), validated when the application starts. */
package io.cascade.platform.config;
