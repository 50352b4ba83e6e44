package org.urbaninvest.project.mapping;

import java.util.function.Function;
import org.urbaninvest.platform.paging.Page;

/** A page of what the service layer returns, as a page of representations. */
public final class Pages {

    private Pages() {
    }

    public static <T, R> Page<R> map(Page<T> page, Function<T, R> item) {
        return new Page<>(page.items().stream().map(item).toList(), page.page(), page.size(), page.total());
    }
}
