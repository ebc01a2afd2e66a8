"""Topic keys: which quantity in the world a claim is a value of (claims.md §5)."""
from schemas import Claim


def assign_topic(claim: Claim) -> tuple[str, str]:
    """(key, label) for a claim. Placeholder until the topic module lands."""
    key = f"{claim.kind.value}-{claim.unit}".lower()
    return key, key.replace("-", " ")
