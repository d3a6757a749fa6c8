#!/usr/bin/env python3
"""Write the planning overlay that makes a synthetic .tbxml generate without errors.

usage: make_overlay.py FILE.tbxml > overlay.json
Lync files hold no reverse proxies, Kerberos accounts, AD domain or load balancing (docs/import.md):
this gives every site a Kerberos account and one nginx reverse proxy, every multi-server pool
DNS load balancing, a name server outside the zones and certificates split over max_sans.
Deterministic: the same input gives the same bytes.
"""
import json
import sys
import xml.etree.ElementTree as ET


def local(tag):
    return tag.rsplit("}", 1)[-1]


def main():
    root = ET.parse(sys.argv[1]).getroot()
    new = next(e for e in root.iter() if local(e.tag) == "NewTopology")
    sites = []
    for n, site in enumerate((e for e in new.iter() if local(e.tag) == "CentralSite"), start=1):
        name = next(e.text for e in site if local(e.tag) == "Name")
        pools = []
        for cluster in (e for e in site.iter() if local(e.tag) == "Cluster"):
            machines = [m for m in cluster.iter() if local(m.tag) == "Machine"]
            if len(machines) > 1:
                pools.append({"fqdn": cluster.get("Fqdn"), "load_balancing": "dns"})
        sites.append({
            "name": name,
            "kerberos_account": {"account": f"CORP\\kerb{n}"},
            "reverse_proxies": [{
                "name": f"rp{n}", "product": "nginx", "fqdn": f"rp.{name}.corp.example.net",
                "external_addresses": [f"203.0.{n // 250}.{n % 250 + 1}"],
                "internal_addresses": [f"172.31.{n // 250}.{n % 250 + 1}"],
            }],
            "pools": pools,
        })
    # A name server outside every zone (else BIND refuses the zones, LT6009), and certificates
    # split over max_sans as a deployment with thousands of SIP domains must (else LT5010).
    overlay = {"format_version": 1, "ad_domain": "corp.example.net", "netbios_domain": "CORP",
               "certificates": {"internal_ca": "internal", "key_bits": 2048, "hash": "sha256",
                                "split_over_max_sans": True},
               "dns": {"ttl": 3600, "primary_ns": "ns1.example.org",
                       "hostmaster": "hostmaster@example.org"},
               "sites": sites}
    json.dump(overlay, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
