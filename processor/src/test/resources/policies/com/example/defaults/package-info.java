@NftDefaults(family = Family.IP6, tablePrefix = "app_")
package com.example.defaults;

import io.jnftables.annotations.Family;
import io.jnftables.annotations.NftDefaults;
