package io.jnftables.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Answers requests with a function and records them. */
final class FakeExecutor implements NftExecutor {
  final List<NftRequest> requests = new CopyOnWriteArrayList<>();
  private final Function<NftRequest, NftResponse> answer;
  boolean closed;

  FakeExecutor(Function<NftRequest, NftResponse> answer) {
    this.answer = answer;
  }

  static FakeExecutor ok() {
    return new FakeExecutor(r -> new NftResponse(true, "", ""));
  }

  @Override
  public NftResponse execute(NftRequest request) {
    requests.add(request);
    return answer.apply(request);
  }

  @Override
  public void close() {
    closed = true;
  }
}
