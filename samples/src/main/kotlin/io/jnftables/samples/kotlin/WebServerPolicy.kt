package io.jnftables.samples.kotlin

import io.jnftables.annotations.Chain
import io.jnftables.annotations.ChainType
import io.jnftables.annotations.Family
import io.jnftables.annotations.Hook
import io.jnftables.annotations.Policy
import io.jnftables.annotations.Rule
import io.jnftables.annotations.Table

/**
 * A web server's firewall as an annotated Kotlin policy. kapt runs the jnftables processor over
 * this interface at build time: every rule text below is parsed then (a typo fails the build,
 * pointing at the annotation), and `WebServerPolicyRuleset` is generated, with `toBatch()` and
 * `toJson()`.
 *
 * Raw strings (`"""…"""`) keep nft's quotes readable; a `$` would need `${'$'}` (nft variables
 * are not used here).
 */
@Table(name = "web", family = Family.INET)
interface WebServerPolicy {

  @Chain(name = "input", type = ChainType.FILTER, hook = Hook.INPUT, priority = 0, policy = Policy.DROP)
  interface Input {
    @Rule("""iifname "lo" accept""")
    fun loopback()

    @Rule("ct state established,related accept")
    fun established()

    @Rule("ct state invalid drop")
    fun invalid()

    @Rule("icmp type echo-request limit rate 5/second accept")
    fun ping()

    @Rule("icmpv6 type { nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert } accept")
    fun neighbourDiscovery()

    @Rule("tcp dport { http, https } ct state new accept")
    fun web()

    @Rule("ip saddr 10.0.0.0/8 tcp dport ssh ct state new limit rate 10/minute accept")
    fun sshFromLan()

    @Rule("""log prefix "web-drop: " counter drop""")
    fun logTheRest()
  }

  @Chain(name = "output", type = ChainType.FILTER, hook = Hook.OUTPUT, priority = 0, policy = Policy.ACCEPT)
  interface Output {
    @Rule("""oifname "lo" accept""")
    fun loopback()

    @Rule("tcp dport smtp reject with tcp reset")
    fun noDirectMail()
  }
}
