// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static io.restassured.RestAssured.given;

import java.util.List;

/**
 * Test classes share one application: a broadcast left behind keeps its ladder transcoding the
 * slate and holds one of the worker's slots, so classes that make broadcasts delete them after
 * each test, as an operator would when a show ends.
 */
final class TestBroadcasts {
    private TestBroadcasts() {
    }

    static void deleteAll() {
        List<String> ids = given().header("Authorization", "Bearer dev").get("/api/v1/broadcasts").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);
        for (String id : ids) {
            given().header("Authorization", "Bearer dev").delete("/api/v1/broadcasts/" + id);
        }
    }
}
