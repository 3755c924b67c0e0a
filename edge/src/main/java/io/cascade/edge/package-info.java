// SPDX-License-Identifier: Apache-2.0
/**
 * Edge delivery: the LL-HLS/HLS packager (CMAF), WHEP egress, viewer routing and viewer sessions.
 * No JNI dependencies here: the edge must stay native-image friendly.
 */
package io.cascade.edge;
