using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Building the index: places, each organisation's full, core and derived aliases (legal form and region stripped,
// generic words dropped or kept), and the alias table's tiers.
public sealed partial class OrganizationIndex
{
    private void AddPlace(string place)
    {
        if (place.Length >= 2 && placeNames.Add(place))
        {
            longestPlace = Math.Max(longestPlace, place.Length);
        }
    }

    private void AddOrganization(int index, Organization org)
    {
        var name = TextNormalizer.NormalizeName(org.Name);
        if (name.Length == 0)
        {
            return;
        }

        AddAlias(name, index, FullName);
        if (!string.IsNullOrWhiteSpace(org.CreditCode))
        {
            byCreditCode.TryAdd(org.CreditCode.Trim().ToUpperInvariant(), org);
        }

        foreach (var scope in new[] { org.District, org.Street, org.Community })
        {
            if (!string.IsNullOrWhiteSpace(scope))
            {
                scopeNames.Add(scope);
                AddPlace(scope);
            }
        }

        if (!string.IsNullOrWhiteSpace(org.Park))
        {
            AddPlace(TextNormalizer.NormalizeName(org.Park)); // 天安云谷, 大运软件小镇: places, never units
        }

        var withoutLegal = StripLegalForm(name);
        var variants = new List<string> { withoutLegal };
        var localRegions = LocalRegions(org);
        for (var changed = true; changed;)
        {
            changed = false;
            var last = variants[^1];
            foreach (var region in vocabulary.RegionPrefixes.Concat(localRegions))
            {
                if (region.Length > 0 && last.StartsWith(region, StringComparison.Ordinal) && last.Length - region.Length >= 2)
                {
                    variants.Add(last[region.Length..]);
                    changed = true;
                    break;
                }
            }
        }

        var (properPart, tradeWords, properIsGeneric) = Decompose(variants[^1]);
        if (!properIsGeneric)
        {
            linker.Add(index, properPart, tradeWords, name[withoutLegal.Length..]);
        }

        foreach (var variant in variants.Distinct())
        {
            AddAlias(variant, index, variant == name ? FullName : Core);
            var (brand, _, brandIsGeneric) = Decompose(variant);
            foreach (var derived in DerivedAliases(variant))
            {
                AddAlias(derived, index, Derived);
                if (!brandIsGeneric && derived.StartsWith(brand, StringComparison.Ordinal))
                {
                    heardNames.Add((derived, brand.Length));
                }
            }

            if (!brandIsGeneric && variant != name)
            {
                heardNames.Add((variant, brand.Length));
            }
        }
    }

    private static IEnumerable<string> LocalRegions(Organization org)
    {
        foreach (var (scope, suffix) in new[] { (org.District, "区"), (org.Street, "街道"), (org.Community, "社区") })
        {
            if (string.IsNullOrWhiteSpace(scope))
            {
                continue;
            }

            yield return scope;
            if (scope.EndsWith(suffix, StringComparison.Ordinal) && scope.Length - suffix.Length >= 2)
            {
                yield return scope[..^suffix.Length];
            }
        }
    }

    private string StripLegalForm(string name)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var folded in legalFormsLongestFirst)
            {
                if (name.EndsWith(folded, StringComparison.Ordinal) && name.Length - folded.Length >= 2)
                {
                    name = name[..^folded.Length];
                    changed = true;
                    break;
                }
            }
        }

        return name;
    }

    /// <summary>A written name without its legal form and region words.</summary>
    private string CoreOf(string written)
    {
        var core = StripLegalForm(written);
        for (var changed = true; changed;)
        {
            changed = false;
            if (regions.MatchAt(core, 0) is { } region && core.Length - region.Length >= 2)
            {
                core = core[region.Length..];
                changed = true;
            }
        }

        return core;
    }

    /// <summary>Splits a core name into its brand and the generic words after it: 蓝海跨境电子商务 → 蓝海 + [跨境, 电子商务].</summary>
    private (string Brand, List<string> Tail, bool BrandIsGeneric) Decompose(string core)
    {
        var tail = new List<string>();
        var rest = core;
        for (var changed = true; changed && !genericWords.Contains(rest);)
        {
            changed = false;
            foreach (var word in genericWordsLongestFirst)
            {
                if (rest.Length > word.Length && rest.EndsWith(word, StringComparison.Ordinal))
                {
                    tail.Insert(0, word);
                    rest = rest[..^word.Length];
                    changed = true;
                    break;
                }
            }
        }

        return (rest, tail, genericWords.Contains(rest));
    }

    private IEnumerable<string> DerivedAliases(string core)
    {
        var (brand, tail, brandIsGeneric) = Decompose(core);
        if (tail.Count == 0 || tail.Count > 6)
        {
            yield break;
        }

        // Each generic word is kept, dropped, or replaced by its abbreviation; pairs may abbreviate together (外国语学校 → 外校).
        var choices = new List<List<string>>();
        for (var i = 0; i < tail.Count; i++)
        {
            var options = new List<string> { "", tail[i] };
            if (vocabulary.Abbreviations.TryGetValue(tail[i], out var shorts))
            {
                options.AddRange(shorts);
            }

            choices.Add(options);
        }

        var produced = new HashSet<string>(StringComparer.Ordinal);
        var brands = brandIsGeneric && vocabulary.Abbreviations.TryGetValue(brand, out var brandShorts) ? [brand, .. brandShorts] : new List<string> { brand };
        foreach (var combination in Combine(choices, 0))
        {
            if (brandIsGeneric && combination.Length == 0)
            {
                continue;
            }

            foreach (var alias in brands.Select(b => b + combination))
            {
                if (produced.Add(alias))
                {
                    yield return alias;
                }
            }
        }

        for (var i = 0; i + 1 < tail.Count; i++)
        {
            if (vocabulary.Abbreviations.TryGetValue(tail[i] + tail[i + 1], out var shorts))
            {
                foreach (var s in shorts)
                {
                    if (produced.Add(brand + s))
                    {
                        yield return brand + s;
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Combine(List<List<string>> choices, int at)
    {
        if (at == choices.Count)
        {
            yield return "";
            yield break;
        }

        foreach (var rest in Combine(choices, at + 1))
        {
            foreach (var option in choices[at])
            {
                yield return option + rest;
            }
        }
    }

    private void AddAlias(string alias, int index, int tier)
    {
        if (alias.Length < 2 || (tier > FullName && (stopwords.Contains(alias) || genericWords.Contains(alias) || alias.All(ChineseNumber.IsNumeralChar))))
        {
            return;
        }

        if (!aliases.TryGetValue(alias, out var entry))
        {
            aliases[alias] = new AliasEntry(tier, index);
            longestByFirst[alias[0]] = Math.Max(longestByFirst.GetValueOrDefault(alias[0]), alias.Length);
            return;
        }

        entry.Offer(tier, index);
    }
}
