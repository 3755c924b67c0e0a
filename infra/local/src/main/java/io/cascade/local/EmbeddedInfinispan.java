// SPDX-License-Identifier: Apache-2.0
package io.cascade.local;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;
import org.jboss.logging.Logger;
import org.jgroups.JChannel;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.util.Util;

/**
 * An Infinispan node in this JVM. With the loopback stack, nodes on one host find each other
 * through TCPPING seeds ({@code 127.0.0.1[7800],127.0.0.1[7900]}); a JGroups file (for instance
 * DNS_PING on Kubernetes) replaces that stack. Caches are replicated synchronously: every node
 * holds the whole directory, so lookups are local reads.
 */
public final class EmbeddedInfinispan implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedInfinispan.class);

    private final DefaultCacheManager manager;

    private EmbeddedInfinispan(DefaultCacheManager manager) {
        this.manager = manager;
    }

    /**
     * @param port         JGroups TCP port, 0 for any free one
     * @param initialHosts TCPPING seeds; ignored with a JGroups file
     */
    public static EmbeddedInfinispan start(String nodeName, String clusterName, String bindAddress, int port,
                                           String initialHosts, Optional<Path> jgroupsFile, List<String> caches)
            throws Exception {
        int p = Ports.orFree(port);
        JChannel channel = jgroupsFile.isPresent()
                ? new JChannel(jgroupsFile.get().toString())
                : loopbackStack(bindAddress, p, initialHosts);
        GlobalConfigurationBuilder global = GlobalConfigurationBuilder.defaultClusteredBuilder();
        global.transport().clusterName(clusterName).nodeName(nodeName).transport(new JGroupsTransport(channel));
        global.jmx().disable();
        DefaultCacheManager manager = new DefaultCacheManager(global.build(), true);
        ConfigurationBuilder replicated = new ConfigurationBuilder();
        replicated.clustering().cacheMode(CacheMode.REPL_SYNC);
        for (String name : caches) {
            manager.defineConfiguration(name, replicated.build());
            manager.getCache(name);
        }
        LOG.infof("embedded Infinispan node %s in cluster %s (jgroups %s:%d), members %s",
                nodeName, clusterName, bindAddress, p, manager.getMembers());
        return new EmbeddedInfinispan(manager);
    }

    private static JChannel loopbackStack(String bindAddress, int port, String initialHosts) throws Exception {
        return new JChannel(
                new TCP().setBindAddress(InetAddress.getByName(bindAddress)).setBindPort(port).setPortRange(0),
                new TCPPING().setInitialHosts2(Util.parseCommaDelimitedHosts(initialHosts, 0)).setPortRange(0),
                new MERGE3(),
                new FD_SOCK2(),
                new FD_ALL3().setTimeout(8_000).setInterval(2_000),
                new VERIFY_SUSPECT2(),
                new NAKACK2(),
                new UNICAST3(),
                new STABLE(),
                new GMS().setJoinTimeout(Long.getLong("jgroups.join_timeout", 1_000)),
                new UFC(),
                new MFC(),
                new FRAG4());
    }

    public Cache<String, String> cache(String name) {
        return manager.getCache(name);
    }

    public DefaultCacheManager manager() {
        return manager;
    }

    public int clusterSize() {
        return manager.getMembers() == null ? 1 : manager.getMembers().size();
    }

    @Override
    public void close() {
        manager.stop();
    }
}
