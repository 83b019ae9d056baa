package io.eddy.state.rocksdb;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The stores a test opens, closed after it ({@code @RegisterExtension}). */
final class OpenStores implements AfterEachCallback {
  private final List<RocksDbKvStore> stores = new ArrayList<>();

  RocksDbKvStore open(StoreSettings settings) throws IOException {
    RocksDbKvStore store = new RocksDbKvStore(settings);
    stores.add(store);
    return store;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stores.forEach(RocksDbKvStore::close);
    stores.clear();
  }
}
