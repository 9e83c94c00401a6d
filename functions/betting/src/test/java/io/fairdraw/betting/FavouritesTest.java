package io.fairdraw.betting;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.fairdraw.testsupport.TestPlayers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Favourites are the caller's own, canonical, buyable in the game as it stands, and capped. */
@QuarkusTest
class FavouritesTest {
    private static final String MY_NUMBERS = "{\"gameId\":\"4d-jakarta\",\"lines\":[{\"betType\":\"FOUR_D\",\"selection\":\"1987\",\"stake\":100000},"
            + "{\"betType\":\"COLOK_MACAU\",\"selection\":\"91\",\"stake\":200000}]}";

    @Test
    void aFavouriteIsSavedCanonicalListedReplacedAndDeleted() {
        var player = TestPlayers.verified("favourites");
        player.as().contentType(ContentType.JSON).body(MY_NUMBERS).put("/v1/players/me/favourites/{n}", "birthday").then().statusCode(200)
                .body("lines[1].selection", equalTo("19"));
        player.as().get("/v1/players/me/favourites").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].name", equalTo("birthday")).body("items[0].lines[0].selection", equalTo("1987"));
        player.as().contentType(ContentType.JSON).body("{\"gameId\":\"lotto-6-49\",\"lines\":[{\"betType\":\"LOTTO\",\"selection\":\"1-2-3-4-5-6\",\"stake\":1000000}]}")
                .put("/v1/players/me/favourites/{n}", "birthday").then().statusCode(200).body("gameId", equalTo("lotto-6-49"));
        TestPlayers.verified("favourites").as().get("/v1/players/me/favourites").then().statusCode(200).body("items", hasSize(0));
        player.as().delete("/v1/players/me/favourites/{n}", "birthday").then().statusCode(204);
        player.as().delete("/v1/players/me/favourites/{n}", "birthday").then().statusCode(404);
        player.as().get("/v1/players/me/favourites").then().body("items", hasSize(0));
    }

    @Test
    void unbuyableLinesBadNamesAndATwentyFirstFavouriteAreRefused() {
        var player = TestPlayers.verified("favourites");
        player.as().contentType(ContentType.JSON).body("{\"gameId\":\"4d-jakarta\",\"lines\":[{\"betType\":\"FOUR_D\",\"selection\":\"12\",\"stake\":100000}]}")
                .put("/v1/players/me/favourites/{n}", "short").then().statusCode(400).body("errors[0].field", equalTo("lines[0].selection"));
        player.as().contentType(ContentType.JSON).body("{\"gameId\":\"nowhere\",\"lines\":[]}")
                .put("/v1/players/me/favourites/{n}", "x").then().statusCode(404).body("type", equalTo("https://fairdraw.io/problems/game-not-found"));
        player.as().contentType(ContentType.JSON).body(MY_NUMBERS).put("/v1/players/me/favourites/{n}", "a/b").then().statusCode(400);
        player.as().contentType(ContentType.JSON).body(MY_NUMBERS).put("/v1/players/me/favourites/{n}", "née").then().statusCode(400);
        for (int i = 0; i < 20; i++) {
            player.as().contentType(ContentType.JSON).body(MY_NUMBERS).put("/v1/players/me/favourites/{n}", "fav " + i).then().statusCode(200);
        }
        player.as().contentType(ContentType.JSON).body(MY_NUMBERS).put("/v1/players/me/favourites/{n}", "one too many").then().statusCode(400);
        player.as().contentType(ContentType.JSON).body(MY_NUMBERS).put("/v1/players/me/favourites/{n}", "fav 3").then().statusCode(200);
        player.as().get("/v1/players/me/favourites").then().body("items", hasSize(20));
    }
}
