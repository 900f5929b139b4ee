/** An application module that uses hotlinekit through its exported packages only. */
module org.example.consumer {
  requires java.desktop;
  requires org.hotlinekit.hashing;
  requires org.hotlinekit.categorisation;
  requires org.hotlinekit.iccam;
  requires org.hotlinekit.scan;
}
