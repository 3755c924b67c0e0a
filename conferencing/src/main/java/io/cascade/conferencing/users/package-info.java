// SPDX-License-Identifier: Apache-2.0
/**
 * Users of the calling service: who exists, whose contacts they are, whom they block, and whether
 * they take calls from contacts only. {@link io.cascade.conferencing.users.UserService} is the
 * store behind an interface (in memory for now, seeded in the local profile);
 * {@link io.cascade.conferencing.users.CallPolicy} decides whether one user may call another.
 */
package io.cascade.conferencing.users;
