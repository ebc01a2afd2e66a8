from fastapi import APIRouter
from pydantic import BaseModel

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str


@router.get("/healthz", response_model=Health, operation_id="health-live")
def healthz() -> Health:
    """The process is up."""
    return Health(status="ok")
