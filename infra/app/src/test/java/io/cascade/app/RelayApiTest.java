// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The relay's control API as mounted in the application. */
@QuarkusTest
class RelayApiTest {
    private static final String AUTH = "Bearer dev-relay-token";

    @Test
    void publishSubscribeListAndCloseThroughTheApplication() {
        String media = given().header("Authorization", AUTH).contentType("application/json")
                .body("{\"stream\":\"bcast/1/720p\",\"source\":\"127.0.0.1:50000\","
                        + "\"tracks\":[{\"kind\":\"video\",\"ssrc\":1234,\"payloadType\":96,\"clockRate\":90000}]}")
                .post("/relay/v1/publish").then().statusCode(200)
                .body("stream", equalTo("bcast/1/720p")).extract().path("media");

        given().header("Authorization", AUTH).contentType("application/json")
                .body("{\"stream\":\"bcast/1/720p\",\"destination\":\"127.0.0.1:50001\"}")
                .post("/relay/v1/subscribe").then().statusCode(200)
                .body("media", equalTo(media)).body("tracks[0].kind", equalTo("video"));

        given().header("Authorization", AUTH).get("/relay/v1/streams").then().statusCode(200)
                .body("streams.name", hasItem("bcast/1/720p"));
        given().header("Authorization", AUTH).delete("/relay/v1/streams?stream=bcast/1/720p").then().statusCode(200);
        given().header("Authorization", AUTH).delete("/relay/v1/streams?stream=bcast/1/720p").then().statusCode(404);
    }

    @Test
    void badRequestsAreRefusedWithTheFieldNamed() {
        given().get("/relay/v1/streams").then().statusCode(401);
        given().header("Authorization", AUTH).contentType("application/json").body("{\"stream\":\"Bad Name\"}")
                .post("/relay/v1/subscribe").then().statusCode(400).body("error", containsString("stream"));
        given().header("Authorization", AUTH).contentType("application/json").body("{not json")
                .post("/relay/v1/publish").then().statusCode(400).body("error", containsString("body"));
        given().header("Authorization", AUTH).contentType("application/json")
                .body("{\"stream\":\"nope/1\",\"destination\":\"127.0.0.1:5\"}")
                .post("/relay/v1/subscribe").then().statusCode(404);
    }
}
