@file:JvmName("ApplyWebServerPolicy")

package io.jnftables.samples.kotlin

import io.jnftables.annotations.Family
import io.jnftables.batch.Batch
import io.jnftables.batch.Builder
import io.jnftables.client.Nftables
import io.jnftables.dsl.CtState
import io.jnftables.dsl.Expr.ctState
import io.jnftables.dsl.Expr.ip
import io.jnftables.dsl.Expr.ref
import io.jnftables.dsl.Expr.tcp
import io.jnftables.dsl.Per
import io.jnftables.batch.SetSpec
import io.jnftables.model.Ruleset
import io.jnftables.netns.NetnsTarget

/** The set of addresses [webServerBatch] drops before anything else. */
const val BLOCKLIST = "blocklist"

/**
 * The generated [WebServerPolicyRuleset] followed by what the annotations cannot say yet, built
 * with the DSL from Kotlin: a blocklist set and a rule inserted at the top of `input` that drops
 * its members, and a rule for an admin port. One batch: one transaction.
 */
fun webServerBatch(blocked: List<String> = listOf("192.0.2.66", "198.51.100.0/24")): Batch {
  val extra = Builder.create(Family.INET)
    .table(WebServerPolicyRuleset.TABLE)
    .addSet(BLOCKLIST, SetSpec.of("ipv4_addr").flags("interval"))
    .addElements(*blocked.toTypedArray())
    .chain("input")
    .insertRule(ip().saddr(ref(BLOCKLIST)).counter().drop())
    .addRule(tcp().dport(8443).ctState(CtState.NEW).limit(20, Per.SECOND).accept().comment("admin console"))
    .build()
  return WebServerPolicyRuleset.toBatch().concat(extra)
}

/** Applies [webServerBatch] through [nft] and returns what the kernel lists back. */
fun applyWebServer(nft: Nftables): Ruleset {
  nft.submit(webServerBatch())
  return nft.listRuleset()
}

/**
 * Applies the policy in the network namespace named by the first argument (`ip netns add NAME`),
 * or in a throwaway one, and prints the batch and what the kernel lists back. Needs root.
 */
fun main(args: Array<String>) {
  val target = if (args.isNotEmpty()) NetnsTarget.named(args[0]) else NetnsTarget.fresh()
  Nftables.open(target).use { nft ->
    println("# batch sent to libnftables:")
    println(webServerBatch().toJson())
    val listed = applyWebServer(nft)
    println("# $target: the kernel lists back ${listed.rules().size} rule(s) in ${listed.chains().size} chain(s):")
    print(nft.listRulesetText())
  }
}
