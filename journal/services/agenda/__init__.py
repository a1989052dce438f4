"""What is due: next steps, keep-in-touch dates, Today's list and acting on due items."""
