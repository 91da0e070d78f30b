package org.perfgate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ItemEndpointsTest {
  private final DemoService demo = DemoService.builder().maxItems(3).start();
  private final DemoClient client = new DemoClient(demo);

  @AfterEach
  void stop() {
    client.close();
    demo.close();
  }

  @Test
  void createsAnItemAndReadsItBack() throws Exception {
    String token = client.login();

    HttpResponse<String> created =
        client.post("/api/items", "{\"name\":\"the \\\"best\\\" widget\"}", token);
    HttpResponse<String> read = client.get("/api/items/1", token);

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).isEqualTo("{\"id\":1,\"name\":\"the \\\"best\\\" widget\"}");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(created.body());
  }

  @Test
  void listsItemsNewestFirstUpToTheLimit() throws Exception {
    String token = client.login();
    client.create("a", token);
    client.create("b", token);
    client.create("c", token);

    assertThat(client.get("/api/items", token).body())
        .isEqualTo(
            "{\"items\":[{\"id\":3,\"name\":\"c\"},{\"id\":2,\"name\":\"b\"},"
                + "{\"id\":1,\"name\":\"a\"}],\"count\":3}");
    assertThat(client.get("/api/items?limit=1", token).body())
        .isEqualTo("{\"items\":[{\"id\":3,\"name\":\"c\"}],\"count\":1}");
  }

  @Test
  void listingAnEmptyStoreGivesAnEmptyList() throws Exception {
    assertThat(client.get("/api/items", client.login()).body())
        .isEqualTo("{\"items\":[],\"count\":0}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1001", "x"})
  void rejectsAListLimitOutsideOneToAThousand(String limit) throws Exception {
    assertThat(client.get("/api/items?limit=" + limit, client.login()).statusCode()).isEqualTo(400);
  }

  @Test
  void putRenamesAnItem() throws Exception {
    String token = client.login();
    long id = client.create("old", token);

    HttpResponse<String> updated = client.put("/api/items/" + id, "{\"name\":\"new\"}", token);

    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.body()).isEqualTo("{\"id\":" + id + ",\"name\":\"new\"}");
    assertThat(client.get("/api/items/" + id, token).body()).contains("\"new\"");
  }

  @Test
  void deleteRemovesAnItem() throws Exception {
    String token = client.login();
    long id = client.create("doomed", token);

    HttpResponse<String> deleted = client.delete("/api/items/" + id, token);

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(client.get("/api/items/" + id, token).statusCode()).isEqualTo(404);
  }

  @Test
  void missingItemsAreNotFound() throws Exception {
    String token = client.login();

    HttpResponse<String> read = client.get("/api/items/42", token);

    assertThat(read.statusCode()).isEqualTo(404);
    assertThat(read.body()).isEqualTo("{\"error\":\"no such item\"}");
    assertThat(client.put("/api/items/42", "{\"name\":\"x\"}", token).statusCode()).isEqualTo(404);
    assertThat(client.delete("/api/items/42", token).statusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1", "+1", "1.0", "99999999999999999999", ""})
  void rejectsIdsThatAreNotPositiveIntegers(String id) throws Exception {
    HttpResponse<String> response = client.get("/api/items/" + id, client.login());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("item id must be a positive integer");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"name\":\"\"}",
        "{\"name\":\" \"}",
        "{\"name\":1}",
        "{\"name\":null}",
        "{"
      })
  void rejectsItemsWithoutAProperName(String body) throws Exception {
    String token = client.login();

    assertThat(client.post("/api/items", body, token).statusCode()).isEqualTo(400);
    assertThat(client.put("/api/items/1", body, token).statusCode()).isEqualTo(400);
  }

  @Test
  void rejectsNamesLongerThanTwoHundredChars() throws Exception {
    String token = client.login();

    assertThat(
            client.post("/api/items", "{\"name\":\"" + "n".repeat(201) + "\"}", token).statusCode())
        .isEqualTo(400);
    assertThat(
            client.post("/api/items", "{\"name\":\"" + "n".repeat(200) + "\"}", token).statusCode())
        .isEqualTo(201);
  }

  @Test
  void everyItemOperationNeedsAToken() throws Exception {
    String token = client.login();
    long id = client.create("guarded", token);

    assertThat(client.get("/api/items/" + id).statusCode()).isEqualTo(401);
    assertThat(client.put("/api/items/" + id, "{\"name\":\"x\"}", "").statusCode()).isEqualTo(401);
    assertThat(client.delete("/api/items/" + id, "").statusCode()).isEqualTo(401);
    assertThat(client.post("/api/items", "{\"name\":\"x\"}").statusCode()).isEqualTo(401);
  }

  @Test
  void wrongMethodOnItemsIsNotAllowed() throws Exception {
    String token = client.login();

    assertThat(client.delete("/api/items", token).headers().firstValue("Allow"))
        .hasValue("GET, POST");
    assertThat(client.post("/api/items/1", "{}", token).headers().firstValue("Allow"))
        .hasValue("GET, PUT, DELETE");
  }

  @Test
  void storeBeyondCapacityEvictsTheOldestItems() throws Exception {
    String token = client.login();
    for (int i = 1; i <= 5; i++) {
      client.create("item" + i, token);
    }

    assertThat(client.get("/api/items/1", token).statusCode()).isEqualTo(404);
    assertThat(client.get("/api/items/2", token).statusCode()).isEqualTo(404);
    assertThat(client.get("/api/items/3", token).statusCode()).isEqualTo(200);
    assertThat(client.get("/api/items", token).body()).endsWith("\"count\":3}");
  }
}
