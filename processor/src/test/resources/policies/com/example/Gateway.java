package com.example;

import io.jnftables.annotations.Chain;
import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Counter;
import io.jnftables.annotations.CtHelper;
import io.jnftables.annotations.CtTimeout;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Limit;
import io.jnftables.annotations.Map;
import io.jnftables.annotations.Policy;
import io.jnftables.annotations.PriorityName;
import io.jnftables.annotations.Quota;
import io.jnftables.annotations.Rule;
import io.jnftables.annotations.Set;
import io.jnftables.annotations.SetFlag;
import io.jnftables.annotations.Table;
import io.jnftables.annotations.TableFlag;
import io.jnftables.validate.IpPrefix;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;

/** Everything the annotations can declare, in one table the kernel accepts. */
@Table(name = "gateway", family = Family.INET, comment = "edge policy")
@Set(name = "blocklist", type = "ipv4_addr", flags = {SetFlag.INTERVAL}, elements = {"192.0.2.0/24", "198.51.100.7"},
    comment = "known bad")
@Set(name = "banned", type = "ipv4_addr", flags = {SetFlag.TIMEOUT, SetFlag.DYNAMIC}, timeout = "1h", size = 1024)
@Set(name = "allowed", type = {"ipv4_addr", "inet_service"}, elements = {"10.0.0.1 . 22", "10.0.0.2 . 443"})
@Set(name = "admins6", type = "ipv6_addr", elements = {"2001:db8::1"})
@Map(name = "ports", type = "inet_service", value = "verdict", elements = {"22 : accept", "23 : drop"})
@Map(name = "marks", type = "ipv4_addr", value = "mark", elements = {"10.0.0.1 : 1"})
@Counter(name = "dropped", comment = "drops")
@Quota(name = "monthly", bytes = 1_000_000_000L, over = true)
@Limit(name = "ssh_rate", rate = 10, per = "minute", burst = 5)
@CtHelper(name = "ftp", type = "ftp", protocol = "tcp")
@CtTimeout(name = "short_tcp", protocol = "tcp", l3proto = "ip", policy = {"established=120", "close=10"})
public interface Gateway {
  @Chain(name = "input", type = ChainType.FILTER, hook = Hook.INPUT, priorityName = PriorityName.FILTER, priority = 5,
      policy = Policy.DROP, comment = "host input")
  interface Input {
    @Rule("ct state established,related accept")
    void established();

    @Rule("ip saddr @blocklist counter name \"dropped\" drop")
    void blocked();

    @Rule("ip saddr @banned drop")
    void banned();

    @Rule("ip saddr . tcp dport @allowed accept")
    void allowed();

    @Rule("ip6 saddr @admins6 accept")
    void admins();

    @Rule("tcp dport vmap @ports")
    void ports();

    @Rule("tcp dport 22 limit name \"ssh_rate\" accept")
    void sshRate();

    @Rule(value = "tcp dport 2222 ct state new add @banned { ip saddr } drop", comment = "tarpit")
    void tarpit();

    @Rule("ip saddr $source tcp dport $port accept")
    void allow(IpPrefix source, int port);

    @Rule("iifname $device ip saddr $hosts log prefix $prefix accept")
    void trusted(String device, List<Inet4Address> hosts, String prefix);

    @Rule("ip6 saddr $host meta mark set $mark accept")
    void markedV6(InetAddress host, long mark);

    @Rule("quota name \"monthly\" jump metered")
    void metered();
  }

  @Chain(name = "metered")
  interface Metered {
    @Rule("counter reject")
    void refuse();
  }

  @Chain(name = "pre", type = ChainType.NAT, hook = Hook.PREROUTING, priorityName = PriorityName.DSTNAT)
  interface Pre {
    @Rule("tcp dport 8080 dnat ip to $target:$port")
    void forward(Inet4Address target, int port);

    @Rule("tcp dport 21 ct helper set \"ftp\"")
    void ftp();
  }

  @Chain(name = "post", type = ChainType.NAT, hook = Hook.POSTROUTING, priorityName = PriorityName.SRCNAT)
  interface Post {
    @Rule("oifname \"eth0\" masquerade")
    void masquerade();
  }

  @Chain(name = "mangle", type = ChainType.FILTER, hook = Hook.PREROUTING, priorityName = PriorityName.MANGLE)
  interface Mangle {
    @Rule("meta mark set ip saddr map @marks")
    void mark();

    @Rule("tcp dport 80 ct timeout set \"short_tcp\"")
    void timeouts();

    @Rule("meta l4proto tcp tproxy ip to 127.0.0.1:50080")
    void tproxy();
  }
}
